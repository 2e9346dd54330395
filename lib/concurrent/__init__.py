# Package marker for the concurrent namespace; concurrent.futures lives below.
