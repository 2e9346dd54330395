# warnings: warn output format, stacklevel, filters, once/default registries, error action
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def lib():
    warnings.warn("careful")


print('start')
lib()
lib()
warnings.warn("plain", UserWarning)
old_api()
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("pending", PendingDeprecationWarning)
for i in range(3):
    warnings.warn("in a loop")
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always shown")
warnings.simplefilter("ignore", UserWarning)
warnings.warn("ignored")
warnings.warn("but not this", FutureWarning)
warnings.filterwarnings("error", message="boom.*")
try:
    warnings.warn("boom now")
except UserWarning as e:
    print('raised', type(e).__name__, e)
warnings.resetwarnings()
warnings.simplefilter("once")
warnings.warn("once only")
warnings.warn("once only")
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print('TypeError', e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print('AssertionError', e)
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  the line  "), end='')
print('end')
