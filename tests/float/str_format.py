# Converting floats to strings in various ways.
x = 1234.5678
print(str(x), f"{x}", f"{x:.2f}", f"{x:e}", f"{x:g}", f"{x:10.1f}|", f"{x:,.2f}")
print(f"{1e20:g}", f"{1e-7:g}", f"{0.0001:g}", f"{123456789.0:g}", f"{1e16}")
print("%f %e %g %.3g" % (x, x, x, x))
print(f"{float('inf'):f}", f"{float('nan'):e}", f"{-float('inf'):g}")
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(-0.0, ".1f"))
