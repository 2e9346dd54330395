# The whole stderr and the status of the fatal error for an invalid PYTHONHASHSEED.
env PYTHONHASHSEED=spam
-c "print('not reached')"
