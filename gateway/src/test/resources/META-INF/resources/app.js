// test placeholder for a web client asset
