# expanduser and expandvars read the environment (os.environ assignments reach them).
import os

os.environ["HOME"] = "/home/gilpy_test"
print(os.path.expanduser("~"), os.path.expanduser("~/x/y"), os.path.expanduser("a/~"))
print(os.path.expanduser("~nonexistent_user_gilpy/x"))
os.environ["HOME"] = "/home/slash/"
print(os.path.expanduser("~/z"))
os.environ["GILPY_VAR"] = "value"
print(os.path.expandvars("$GILPY_VAR/x ${GILPY_VAR}y $GILPY_NOPE ${GILPY_NOPE} $ end$"))
print(os.path.expandvars(b"$GILPY_VAR-"))
