# warnings: catch_warnings(record=True), action=, restoring filters, showwarning override
import warnings

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], w[0].lineno)
    print(w[0].filename, w[1].line, type(w[0].message).__name__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("as error")
    except UserWarning as e:
        print('caught', e)
with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
warnings.warn("visible again")


def my_show(message, category, filename, lineno, file=None, line=None):
    print('custom:', category.__name__, message, lineno)


old = warnings.showwarning
warnings.showwarning = my_show
warnings.warn("through the hook", SyntaxWarning)
warnings.showwarning = old
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("ignore", message="skip")
    warnings.warn("skip me")
    warnings.warn("keep me")
    print([str(x.message) for x in w])
print(warnings.catch_warnings(record=True))
