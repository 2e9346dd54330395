# sys.exit("msg") prints msg on stderr and gives status 1.
-c "import sys; print('out'); sys.exit('bye: fatal error')"
