# traceback.format_exception_only and format_exc without file paths.
import traceback
try:
    {}["x"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exc().splitlines()[-1])
    print(traceback.format_exc().splitlines()[0])
