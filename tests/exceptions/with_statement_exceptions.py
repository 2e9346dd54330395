# try/finally cleanup vs. exceptions leaving functions.
def cleanup_order():
    log = []
    try:
        try:
            log.append("open")
            raise RuntimeError("fail")
        finally:
            log.append("close")
    except RuntimeError as e:
        log.append(f"handled {e}")
    return log
print(cleanup_order())
