# An uncaught TypeError from a binary operator between user classes.
class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
class Coupon:
    pass
total = Money(5) + Money(7)
print(total.cents)
total = total + Coupon()
