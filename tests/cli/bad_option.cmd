# An unknown option: message, usage and status 2.
--no-such-option
