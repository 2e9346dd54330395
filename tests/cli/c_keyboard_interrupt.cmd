# An uncaught KeyboardInterrupt ends the process with SIGINT (status -2 here).
-c "raise KeyboardInterrupt"
