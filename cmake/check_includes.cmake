# Module boundaries (docs/ARCHITECTURE.md "Modules"): every #include "X/…" in a module's
# sources must name the module itself or one it depends on (directly or through its
# dependencies). Run by the build before each module compiles, and by tests/boundaries_test.sh.
#   cmake -DMODULE=registry -DALLOWED="registry|api|…" -DDIR=src/registry [-DSTAMP=file] -P check_includes.cmake
cmake_minimum_required(VERSION 3.22)
string(REPLACE "|" ";" allowed "${ALLOWED}")
file(GLOB files "${DIR}/*.h" "${DIR}/*.cpp")
set(problems "")
foreach(f IN LISTS files)
  if(f MATCHES "_test\\.cpp$")
    continue()  # unit tests sit above every module
  endif()
  file(STRINGS "${f}" lines REGEX "^#include \"[a-z_]+/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^#include \"([a-z_]+)/.*" "\\1" used "${line}")
    if(NOT used IN_LIST allowed)
      get_filename_component(name "${f}" NAME)
      string(APPEND problems "\n  ${MODULE}/${name}: ${line} — ${MODULE} does not depend on ${used}")
    endif()
  endforeach()
endforeach()
if(problems)
  string(REPLACE ";" " " may "${allowed}")
  message(FATAL_ERROR "module boundary broken:${problems}\n  ${MODULE} may include: ${may}\n"
                      "  (declare the dependency in CMakeLists.txt if it is right, or move the code)")
endif()
if(STAMP)
  file(TOUCH "${STAMP}")
endif()
