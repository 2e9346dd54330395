# A Matrix class with operator overloading, equality/hash, iteration, indexing and errors.
class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and of equal length")
        self.rows = rows
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __str__(self):
        cells = [[str(x) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(w) for c in r) + "]" for r in cells)
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __hash__(self):
        return hash(tuple(map(tuple, self.rows)))
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = value
    def __iter__(self):
        for r in self.rows:
            yield from r
    def _check_same(self, other, op):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch for {op}: {self.shape} vs {other.shape}")
    def __add__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        self._check_same(other, "+")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
    def __neg__(self):
        return self * -1
    def __sub__(self, other):
        return self + (-other)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Matrix([[a * k for a in r] for r in self.rows])
        return NotImplemented
    __rmul__ = __mul__
    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self.shape[1] != other.shape[0]:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result
    def transpose(self):
        return Matrix(zip(*self.rows))
    def determinant(self):
        """Bareiss fraction-free elimination: exact for integer matrices."""
        n, m = self.shape
        if n != m:
            raise ValueError("determinant needs a square matrix")
        a = [row[:] for row in self.rows]
        sign, prev = 1, 1
        for k in range(n - 1):
            if a[k][k] == 0:
                swap = next((r for r in range(k + 1, n) if a[r][k] != 0), None)
                if swap is None:
                    return 0
                a[k], a[swap] = a[swap], a[k]
                sign = -sign
            for i in range(k + 1, n):
                for j in range(k + 1, n):
                    a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
            prev = a[k][k]
        return sign * a[n - 1][n - 1]
A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A + B, A - B, 2 * A, A * 0.5, sep="\n--\n")
print(repr(A @ B), repr(B @ A), (A @ Matrix.identity(2)) == A)
fib = Matrix([[1, 1], [1, 0]]) ** 30
print("fib(30) =", fib[0, 1], "| A^0 =", repr(A ** 0))
print(A.transpose(), A.determinant(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).determinant(),
      Matrix([[0, 2, 1], [3, 1, 4], [5, 0, 2]]).determinant(), Matrix([[1, 2], [2, 4]]).determinant(), sep="\n")
print(sum(A), max(A), list(B), A.shape, Matrix([[1, 2, 3]]).transpose().shape)
seen = {A, Matrix([[1, 2], [3, 4]]), B}
print(len(seen), A == [[1, 2], [3, 4]], A != B)
C = Matrix([[1, 2], [3, 4]])
C[0, 0] = 10
print(repr(C), repr(A))
for op in (lambda: A + Matrix([[1, 2, 3]]), lambda: A @ Matrix([[1, 2, 3]]), lambda: Matrix([[1], [2, 3]]),
           lambda: A + 1, lambda: A @ 2, lambda: A * "x", lambda: Matrix([[1, 2, 3]]).determinant(), lambda: A[2, 0]):
    try:
        op()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
