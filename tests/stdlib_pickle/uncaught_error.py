# An uncaught PicklingError prints with its module-qualified name (_pickle.PicklingError).
import pickle


class Bad:
    def __reduce__(self):
        return 42


print(pickle.dumps(1, 0))
pickle.dumps(Bad())
