# component_tests(<lib> SOURCES...): one gtest binary per library, every TEST listed by ctest.
function(component_tests lib)
  if(NOT BUILD_TESTING)
    return()
  endif()
  add_executable(${lib}_test ${ARGN})
  target_link_libraries(${lib}_test PRIVATE ${lib} GTest::gtest_main)
  gtest_discover_tests(${lib}_test DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS unit)
endfunction()
