// Link flags only: Swift code never imports this module (Foundation carries its own ICU and the two
// clash). The C wrapper target ICUShim includes the real ICU headers in its implementation file.
#include <unicode/uversion.h>
