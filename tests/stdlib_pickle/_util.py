"""Shared helpers for the pickle tests (a support module: not run as a test)."""
import pickle


def show(label, obj, protos=range(pickle.HIGHEST_PROTOCOL + 1)):
    """Print the pickle of obj for each protocol and whether it loads back equal."""
    for proto in protos:
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        same = back == obj if obj == obj else repr(back) == repr(obj)
        print(label, proto, data, same)


def err(f, *args, **kwargs):
    """Call f and print the exception it raises (type and message)."""
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print('  ', type(e).__name__ + ':', e)
    else:
        print('   no error:', type(r).__name__)
