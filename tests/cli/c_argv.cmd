# sys.argv under -c: the first item is "-c", the rest are the remaining arguments.
-c "import sys; print(sys.argv)" a "b c" --flag -x
