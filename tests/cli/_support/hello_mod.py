import sys
print("hello from", __name__)
print("args:", sys.argv[1:])
print("argv0:", sys.argv[0])
