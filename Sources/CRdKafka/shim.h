#ifndef MS5_CRDKAFKA_SHIM_H
#define MS5_CRDKAFKA_SHIM_H

// librdkafka's client API and its mock cluster (the mock header must follow rdkafka.h).
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#endif
