# An inventory system: classes with properties and validation, custom exceptions, reports.
class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, available):
        super().__init__(f"{sku}: wanted {wanted}, only {available} left")
        self.sku, self.wanted, self.available = sku, wanted, available
class UnknownItem(InventoryError, KeyError):
    def __str__(self):
        return f"unknown SKU {self.args[0]!r}"

class Item:
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = set(tags)
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, value):
        if value < 0:
            raise ValueError(f"price of {self.sku} cannot be negative")
        self._price = round(value, 2)
    @property
    def value(self):
        return round(self.price * self.qty, 2)
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, qty={self.qty})"

class Inventory:
    def __init__(self):
        self._items = {}
        self.log = []
    def add(self, item):
        if item.sku in self._items:
            self._items[item.sku].qty += item.qty
            self.log.append(("restock", item.sku, item.qty))
        else:
            self._items[item.sku] = item
            self.log.append(("new", item.sku, item.qty))
        return self
    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError:
            raise UnknownItem(sku) from None
    def __contains__(self, sku):
        return sku in self._items
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: i.sku))
    def remove(self, sku, qty):
        item = self[sku]
        if qty > item.qty:
            raise OutOfStock(sku, qty, item.qty)
        item.qty -= qty
        self.log.append(("sold", sku, qty))
        return round(item.price * qty, 2)
    def total_value(self):
        return round(sum(i.value for i in self), 2)
    def by_tag(self):
        groups = {}
        for item in self:
            for tag in item.tags:
                groups.setdefault(tag, []).append(item.sku)
        return {tag: sorted(skus) for tag, skus in sorted(groups.items())}
    def low_stock(self, threshold=3):
        return [i.sku for i in self if i.qty <= threshold]

inv = Inventory()
inv.add(Item("A100", "widget", 2.5, 10, ["metal", "small"]))
inv.add(Item("B200", "gadget", 12.99, 2, ["electronic"]))
inv.add(Item("C300", "doohickey", 0.333, 100, ["small", "plastic"]))
inv.add(Item("A100", "widget", 2.5, 5))
print(len(inv), "A100" in inv, "Z999" in inv)
for item in inv:
    print(f"{item.sku:<6}{item.name:<12}{item.price:>8.2f}{item.qty:>5}{item.value:>10.2f}")
print("total value:", inv.total_value())
print("tags:", inv.by_tag())
orders = [("A100", 4), ("B200", 3), ("Z999", 1), ("C300", 99), ("B200", 2)]
revenue = 0
for sku, qty in orders:
    try:
        revenue += inv.remove(sku, qty)
        print(f"sold {qty} x {sku}")
    except OutOfStock as e:
        print("out of stock:", e, (e.wanted, e.available))
    except InventoryError as e:
        print("error:", type(e).__name__, e, isinstance(e, KeyError))
print("revenue:", round(revenue, 2), "low stock:", inv.low_stock())
try:
    inv["B200"].price = -1
except ValueError as e:
    print(type(e).__name__, e)
print(inv["C300"], inv["C300"].price)
counts = {}
for action, sku, qty in inv.log:
    counts[action] = counts.get(action, 0) + qty
print(sorted(counts.items()))
print([repr(i) for i in inv if i.qty == 0])
