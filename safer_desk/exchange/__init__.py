"""Files in and out: police.uk CSV, county export and merge, spreadsheets, the board report."""
