# A bank simulation: account hierarchy, custom exceptions with chaining, transaction log, report.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot cover {amount:.2f} (balance {account.balance:.2f})")
        self.shortfall = amount - account.balance
class AccountFrozen(BankError):
    pass
class TransferFailed(BankError):
    pass
class Account:
    _next_number = 1000
    fee = 0.0
    def __init__(self, owner, balance=0.0):
        Account._next_number += 1
        self.number = Account._next_number
        self.owner = owner
        self._balance = balance
        self.frozen = False
        self.history = []
    @property
    def balance(self):
        return self._balance
    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        self._check()
        total = amount + self.fee
        if total > self.available():
            raise InsufficientFunds(self, total)
        self._balance -= total
        self.history.append(("withdraw", total))
        return amount
    def available(self):
        return self._balance
    def month_end(self):
        pass
    def __repr__(self):
        return f"{type(self).__name__}#{self.number}({self.owner}, {self.balance:.2f})"
class Savings(Account):
    rate = 0.02
    def month_end(self):
        interest = round(self.balance * self.rate / 12, 2)
        if interest:
            self.deposit(interest)
class Checking(Account):
    fee = 0.5
    def __init__(self, owner, balance=0.0, overdraft=100.0):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def available(self):
        return self._balance + self.overdraft
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except BankError as e:
            raise TransferFailed(f"{src.number} -> {dst.number}: {amount:.2f}") from e
        try:
            dst.deposit(amount)
        except BankError as e:
            src._balance += amount + src.fee
            raise TransferFailed(f"rolled back {src.number} -> {dst.number}") from e
    def report(self):
        by_owner = {}
        for acct in self.accounts.values():
            by_owner.setdefault(acct.owner, []).append(acct)
        for owner in sorted(by_owner):
            accts = sorted(by_owner[owner], key=lambda a: a.number)
            total = sum(a.balance for a in accts)
            print(f"{owner:<6} {total:>9.2f}  " + "; ".join(map(repr, accts)))
bank = Bank()
alice_s = bank.open(Savings, "alice", 1200.0)
alice_c = bank.open(Checking, "alice", 50.0)
bob_c = bank.open(Checking, "bob", overdraft=20.0)
carol_s = bank.open(Savings, "carol")
operations = [
    lambda: alice_c.withdraw(120),
    lambda: bob_c.withdraw(30),
    lambda: bank.transfer(alice_s, bob_c, 300),
    lambda: bank.transfer(carol_s, bob_c, 10),
    lambda: carol_s.deposit(-5),
    lambda: setattr(carol_s, "frozen", True),
    lambda: bank.transfer(bob_c, carol_s, 25),
    lambda: carol_s.deposit(10),
]
for i, op in enumerate(operations, 1):
    try:
        op()
        print(f"op {i}: ok")
    except TransferFailed as e:
        cause = e.__cause__
        print(f"op {i}: {type(e).__name__}: {e} <- {type(cause).__name__}: {cause}")
    except BankError as e:
        print(f"op {i}: {type(e).__name__}: {e}")
    except ValueError as e:
        print(f"op {i}: rejected: {e}")
for acct in bank.accounts.values():
    acct.month_end()
bank.report()
print([(a.number, len(a.history)) for a in bank.accounts.values()])
print(alice_c.history, round(InsufficientFunds(bob_c, 1000).shortfall, 2))
