# sys.exit(3) gives exit status 3.
-c "import sys; sys.exit(3)"
