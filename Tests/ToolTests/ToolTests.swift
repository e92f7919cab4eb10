// End-to-end tests of the built tools (run as processes), one file per tool.
import Testing
