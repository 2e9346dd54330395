# __name__ is "__main__" for the script and the module name for imports.
import _simple_mod
print(__name__, _simple_mod.__name__)
if __name__ == "__main__":
    print("running as a script")
