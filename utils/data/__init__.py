"""Reading, validating and storing the data: CSV files, the dataset, sites, the store, diffs."""
