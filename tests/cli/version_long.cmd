# --version prints the version on stdout.
--version
