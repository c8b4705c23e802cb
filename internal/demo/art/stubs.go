package art

func (s *scene) library()  { s.abstract() }
func (s *scene) science()  { s.abstract() }
func (s *scene) market()   { s.abstract() }
func (s *scene) energy()   { s.abstract() }
func (s *scene) night()    { s.abstract() }
func (s *scene) birds()    { s.abstract() }
func (s *scene) portrait() { s.abstract() }
