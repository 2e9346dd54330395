# Single inheritance, overriding and super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"[{self.speak()}]"
class Dog(Animal):
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " softly"
for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.describe(), isinstance(a, Dog), type(a).__mro__[0].__name__)
print([c.__name__ for c in Puppy.__mro__], issubclass(Puppy, Animal))
