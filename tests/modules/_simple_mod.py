"""A helper module for tests/modules (files starting with _ are not tests)."""
print("executing _simple_mod")
VALUE = 42
def double(x):
    return 2 * x
_private = "hidden"
if __name__ == "__main__":
    print("never when imported")
