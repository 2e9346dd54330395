# An exception raised inside a generator shows the generator frame in the traceback.
def parse(lines):
    for line in lines:
        if not line:
            raise ValueError("empty line")
        yield line.upper()
def main():
    for item in parse(["a", "b", ""]):
        print(item)
main()
