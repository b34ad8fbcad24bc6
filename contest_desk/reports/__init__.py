"""Output and file formats: charts, PDFs and Excel."""
