# One golden case: run `dyad extract INPUT --pretty --no-tokens --no-relations`, compare with
# EXPECTED (relations are left out: these cases are about mentions and actors).
# With the environment variable DYAD_UPDATE_GOLDEN=1 the output becomes the new expectation.
#   cmake -DDYAD=bin/dyad -DINPUT=x.txt -DEXPECTED=x.expected.json -DACTUAL=x.actual.json -P run_golden.cmake
execute_process(COMMAND "${DYAD}" extract "${INPUT}" --pretty --no-tokens --no-relations
                OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dyad extract ${INPUT} failed (exit ${rc}):\n${errors}")
endif()
if("$ENV{DYAD_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${EXPECTED}" "${actual}")
  message(STATUS "rewrote ${EXPECTED}")
  return()
endif()
if(NOT EXISTS "${EXPECTED}")
  file(WRITE "${ACTUAL}" "${actual}")
  message(FATAL_ERROR "no expectation ${EXPECTED}; the output is in ${ACTUAL}. Create it with\n"
                      "  DYAD_UPDATE_GOLDEN=1 ctest -R golden   (then review the new file)")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  file(WRITE "${ACTUAL}" "${actual}")
  message(FATAL_ERROR "golden mismatch for ${INPUT}\n  diff -u ${EXPECTED} ${ACTUAL}\n"
                      "If the change is intended: DYAD_UPDATE_GOLDEN=1 ctest -R golden, then review git diff.")
endif()
