# An invalid -W option is reported at start-up and ignored; the program still runs.
-W bogus -W error::NoSuchWarning -c "print('ran')"
