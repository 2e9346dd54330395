# At module level a global is referenced by the module's dict.
import sys
data = [1, 2, 3]
print(sys.getrefcount(data))
alias = data
print(sys.getrefcount(data))
del alias
print(sys.getrefcount(data))
