import __main__
import sys
def main_info():
    return __main__.__name__, __main__.MARKER, sys.modules["__main__"] is __main__
if __name__ == "__main__":
    print("helper's main block must not run on import")
print("_reads_main imported as", __name__)
