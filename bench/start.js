// Does nothing: the bench times it as `start`, what starting a Node process (with the bench's
// memory reporter preloaded, as every timed Node command has) costs by itself on this machine.
