# Environment lines set variables for the run.
env GILPY_TEST_VAR=hello world
-c "import os; print(os.environ['GILPY_TEST_VAR'])"
