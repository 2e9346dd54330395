# Uncaught user-defined exception: the last line uses the class name.
class ValidationError(ValueError):
    pass
def validate(age):
    if age < 0:
        raise ValidationError(f"age must be >= 0, got {age}")
validate(-1)
