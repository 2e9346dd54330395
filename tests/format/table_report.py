# A realistic report formatted with f-strings.
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 100, 0.1)]
print(f"{'item':<10}|{'qty':>5}|{'price':>8}|{'total':>9}")
print("-" * 35)
for name, qty, price in rows:
    print(f"{name:<10}|{qty:>5d}|{price:>8.2f}|{qty * price:>9,.2f}")
total = sum(q * p for _, q, p in rows)
print(f"{'TOTAL':<10}|{'':>5}|{'':>8}|{total:>9.2f}")
print(f"{0.3456:.1%} of {1234567:,} is {0.3456 * 1234567:_.0f}")
