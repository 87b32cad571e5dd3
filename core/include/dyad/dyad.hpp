#pragma once
/// Umbrella header: everything public in dyad.

#include "dyad/commands.hpp"
#include "dyad/diagnostic.hpp"
#include "dyad/document.hpp"
#include "dyad/eval.hpp"
#include "dyad/export.hpp"
#include "dyad/extract.hpp"
#include "dyad/history.hpp"
#include "dyad/json_io.hpp"
#include "dyad/merge.hpp"
#include "dyad/lexicon.hpp"
#include "dyad/relations.hpp"
#include "dyad/text.hpp"
#include "dyad/utf8.hpp"
#include "dyad/version.hpp"
