# Exceptions raised and caught in loops.
class AppError(Exception):
    pass


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def run(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += risky(i)
        except AppError as e:
            caught += e.args[0] % 7
        except KeyError:
            caught += 1
        finally:
            total += 1
    return caught, total


print("checksum", run(1_500_000))
