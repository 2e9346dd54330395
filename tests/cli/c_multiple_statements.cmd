# -c code with several statements and a compound statement via exec.
-c "import sys; exec('for i in range(3): print(i)'); print(sys.argv[0])"
