# The copyreg extension registry (EXT1/EXT2/EXT4 from protocol 2) and copyreg's own API.
import copyreg
import pickle
from _util import err


class Registered:
    pass


class Big:
    pass


class Huge:
    pass


copyreg.add_extension(__name__, 'Registered', 200)
copyreg.add_extension(__name__, 'Big', 0x1234)
copyreg.add_extension(__name__, 'Huge', 0x12345678)
copyreg.add_extension(__name__, 'Registered', 200)  # the same registration again is fine
for p in range(6):
    d = pickle.dumps([Registered, Big, Huge, Registered], p)
    print(p, d, pickle.loads(d) == [Registered, Big, Huge, Registered])
err(copyreg.add_extension, __name__, 'Registered', 201)
err(copyreg.add_extension, __name__, 'Other', 200)
err(copyreg.add_extension, __name__, 'Other', 0)
err(copyreg.add_extension, __name__, 'Other', 0x80000000)
err(copyreg.remove_extension, __name__, 'Registered', 999)
copyreg.remove_extension(__name__, 'Registered', 200)
copyreg.clear_extension_cache()
err(pickle.loads, b'\x80\x02\x82\xc8.')
print(pickle.loads(b'\x80\x02\x83\x34\x12.') is Big, pickle.loads(b'\x84\x78\x56\x34\x12.') is Huge)
print(sorted(copyreg._inverted_registry.items()) == sorted(
    (v, k) for k, v in copyreg._extension_registry.items()))
copyreg._inverted_registry[77] = ('a',)
err(pickle.loads, b'\x80\x02\x82\x4d.')
del copyreg._inverted_registry[77]
err(copyreg.pickle, Registered, 'not callable')
err(copyreg.constructor, 5)
print(copyreg.pickle_complex(1 + 2j), copyreg.__newobj__(Registered).__class__.__name__)
print(copyreg._slotnames(Registered), sorted(copyreg.__all__))
