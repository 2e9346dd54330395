# Temporaries inside an expression are released when the expression finishes.
import weakref
def factory():
    def tmp():
        pass
    return tmp
dead = []
for i in range(3):
    weakref.finalize(factory(), dead.append, i)
print(dead)
