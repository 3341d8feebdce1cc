#pragma once
// Propagation through the world tiers for one constant segment (docs/engine.md, "Supply
// model"): mine availability -> feed reaching each refiner (known links pro rata, the pooled
// market pro rata; lost feed replaced from spare mine capacity up to the volume lost) ->
// refiner output = min(capacity x own availability, feed received) -> every buyer of a refiner
// gets the same fraction of its baseline. Losses are computed as losses (1 - availability), so
// a segment without any cut gives exactly the baseline.

#include <cstdint>
#include <type_traits>
#include <vector>

#include "sim/linear_value.h"
#include "sim/model.h"

namespace mineflow {

// T is a double, or a LinearValue (value and slope) inside a ramp.
template <typename T>
struct BasicNetworkOutcome {
  std::vector<T> output_fraction;  // per refiner: output / baseline output
  T world_mine_loss = 0.0;         // lost share of world mine output (node outages)
  T world_refined_loss = 0.0;      // lost share of world refined output reaching buyers
  // The split market (Model::split): whether the restricting country's refined exports are cut,
  // and then its refiners' output (t/day), their share of world_refined_loss (t/day, output x
  // (1 - fraction x reach)) and the reach of its exports.
  bool split_bound = false;
  T split_output = 0.0;
  T split_lost = 0.0;
  T split_reach = 1.0;
};
using NetworkOutcome = BasicNetworkOutcome<double>;
using SlopedNetworkOutcome = BasicNetworkOutcome<LinearValue>;

// `availability` is indexed by channel (Model::channel_count()). Visits every node: the plain
// statement of the rules (tests, criticality); the engine uses IncrementalPropagation.
void propagate(const Model& model, const std::vector<double>& availability, NetworkOutcome& out);

// The same rules, segment after segment of one trial, at a cost that follows the events, not
// the network's size. Every mine keeps its current losses (to the market, of spare capacity, of
// output, and on each feed link), and their sums are moved by the difference whenever one of its
// channels changes; a sum is set back to exactly 0 when nothing feeding it is cut, so a segment
// without any cut gives exactly the baseline. A propagation then computes one by one only the
// refiners that are cut (directly or by an export restriction) and, under rationing, the focal
// economy's (whose supply follows them: output_fraction is filled for those only); every other
// refiner is accounted for in aggregate. Per thread; reusable.
class IncrementalPropagation {
 public:
  // Starts a trial: every channel available.
  void reset(const Model& model);
  // Sets one channel's availability (and its slope per day, inside a ramp) for what follows.
  void set(const Model& model, std::uint32_t channel, double availability,
           double slope_per_day = 0.0);
  double availability(std::uint32_t channel) const { return a_[channel]; }
  // Changes with every change of a channel of the focal economy's own supply (its sources,
  // smelters and recycling: the channels below the mines'), so a reader can keep what it
  // computed from them while this stays the same.
  std::uint64_t focal_version() const { return focal_version_; }
  LinearValue sloped_availability(std::uint32_t channel) const {
    return {a_[channel], slope_[channel]};
  }
  void propagate(const Model& model, NetworkOutcome& out);
  // The same with every value's slope, and in `clock` the time to the next switch of a min(),
  // max() or clamp() if every channel keeps its slope.
  void propagate(const Model& model, SlopedNetworkOutcome& out, KinkClock& clock);

 private:
  // A mine's current losses, t/day (links: shares of the refiner's baseline feed).
  struct MineLoss {
    LinearValue to_market;
    LinearValue spare;
    LinearValue output;
    bool cut = false;
  };
  template <typename T>
  void propagate_impl(const Model& model, BasicNetworkOutcome<T>& out, KinkClock* clock);
  void touch_refiner(std::uint32_t refiner);
  // Recomputes mine `m`'s losses from its channels and moves the sums by the difference.
  void update_mine(const Model& model, std::uint32_t m);

  std::vector<double> a_;      // channel availability; 1 except for channels in touched_
  std::vector<double> slope_;  // its slope per day; 0 except for ramping channels
  std::vector<std::uint32_t> touched_;
  std::vector<std::uint8_t> channel_touched_;
  std::vector<std::uint32_t> cut_refiners_;  // may hold entries no longer cut
  std::vector<std::uint8_t> refiner_listed_;
  std::vector<std::uint32_t> special_stamp_;
  std::uint32_t stamp_ = 0;
  std::uint64_t focal_version_ = 0;
  std::vector<std::uint32_t> special_;

  std::vector<MineLoss> mine_loss_;         // per mine
  std::vector<LinearValue> link_loss_;      // per feed link: share x (1 - reach)
  std::vector<LinearValue> refiner_loss_;   // per refiner: the sum of its links' losses
  std::vector<std::uint32_t> cut_links_;    // per refiner: links from cut mines
  std::vector<std::uint32_t> mines_moved_;  // mines whose losses moved this trial
  std::vector<std::uint8_t> mine_moved_;
  std::uint32_t cut_mine_count_ = 0;
  LinearValue market_lost_, spare_lost_, mine_lost_;  // t/day, sums over the mines
  LinearValue feed_lost_;  // t/day: sum of refiner output x link loss over every link
};

// Every flow of the tiers in one segment, t/day, computed edge by edge (for the mass-balance
// tests and the criticality report; the engine uses propagate).
struct NetworkFlows {
  std::vector<double> mine_available;   // output x availability
  std::vector<double> link_delivered;   // per feed link
  std::vector<double> market_in;        // per mine: sold on the market
  std::vector<double> spare_used;       // per mine: spare capacity sold to replace lost feed
  std::vector<double> refiner_feed;     // per refiner: links + market + replacement
  std::vector<double> refiner_output;   // per refiner
  std::vector<double> refiner_shipped;  // per refiner: to the focal economy + rest of world
  double market_out = 0.0;              // to refiners, replacement excluded
};
NetworkFlows network_flows(const Model& model, const std::vector<double>& availability);

}  // namespace mineflow
