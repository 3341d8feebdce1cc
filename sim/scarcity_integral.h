#pragma once
// The price multiple's integral over a stretch where the world shortfall changes linearly (a
// ramping event): closed form, so the engine stays exact without daily steps.

namespace mineflow {

// Integral over `duration_days` of min(cap, factor x u^(-p)), with u (1 - world shortfall, in
// [0, 1]) linear from u_start to u_end; u = 0 counts as capped. p = 1 / elasticity > 0.
double capped_scarcity_integral(double cap, double factor, double p, double u_start, double u_end,
                                double duration_days);

}  // namespace mineflow
