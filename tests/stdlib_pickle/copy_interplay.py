# copy.copy / copy.deepcopy go through the same __reduce_ex__ machinery as pickle.
import copy
import pickle


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


class Custom:
    def __init__(self, x):
        self.x = x

    def __reduce__(self):
        return Custom, (self.x + 1,)


class Slotted:
    __slots__ = ('a', 'b')


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
c = copy.copy(root)
d = copy.deepcopy(root)
print(c.children is root.children, d.children is root.children, d.children[1] is d,
      d.children[0].value)
print(copy.copy(Custom(1)).x, copy.deepcopy(Custom(1)).x, pickle.loads(pickle.dumps(Custom(1))).x)
s = Slotted()
s.a = 5
print(copy.copy(s).a, copy.deepcopy(s).a, hasattr(copy.copy(s), 'b'))
print(Node(3).__reduce_ex__(2)[0].__name__, Custom(1).__reduce_ex__(2))
print(copy.deepcopy([1, (2, [3])]), copy.copy({1: [2]}))
