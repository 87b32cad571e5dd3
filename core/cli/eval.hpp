#pragma once
// `dyad eval`: scores predicted dyad/1 documents against gold ones (core/cli/eval.cpp).

#include <string>
#include <vector>

/// Runs `dyad eval` with the arguments after the command name; returns the process exit code.
int cmd_eval(const std::vector<std::string>& args);
