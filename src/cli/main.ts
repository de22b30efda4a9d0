// Placeholder entry; replaced by the CLI.
console.log('vcreds');
